package com.acme;

import jakarta.data.Limit;
import jakarta.data.Order;
import jakarta.data.page.CursoredPage;
import jakarta.data.page.PageRequest;
import jakarta.data.repository.CrudRepository;
import jakarta.data.repository.Param;
import jakarta.data.repository.Query;
import jakarta.data.repository.Repository;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Repository
public interface Catalog extends CrudRepository<Product, String> {

    List<Product> findByPriceLessThanEqualOrNameIgnoreCaseContainsOrderByNameAsc(double max, String part);

    Optional<Product> findFirstByDepartmentInAndPriceNotNull(Set<Product.Department> departments, Order<Product> order);

    CursoredPage<Product> findByDepartmentNot(Product.Department department, PageRequest page, Order<Product> order);

    long countByGrade(char grade);

    boolean existsByNameLike(String pattern);

    @Query("WHERE LENGTH(name) = ?1 AND price < ?2 ORDER BY name")
    List<Product> named(int length, double below, Limit limit);

    @Query("SELECT name WHERE department = :department AND price IS NOT NULL ORDER BY price DESC")
    List<String> names(@Param("department") Product.Department inDepartment);

    @Query("UPDATE Product SET price = price * :factor WHERE department = com.acme.Product.Department.TOOLS")
    long reprice(double factor);
}
